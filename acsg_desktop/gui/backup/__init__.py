"""Data safety from the File menu: back up now, restore from a backup, move to another computer."""
