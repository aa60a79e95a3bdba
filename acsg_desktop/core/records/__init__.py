"""Plain records the store returns and the features share: no database, no Qt."""
