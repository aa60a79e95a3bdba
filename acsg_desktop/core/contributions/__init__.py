"""Working from several laptops without a server: an official's signed contribution file
(`*.acsgcontrib`) and the coordinator's merge of it, conflicts decided by a person."""
