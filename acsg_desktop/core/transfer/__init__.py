"""Moving the data to another computer: one passphrase-sealed file, checked on arrival."""
