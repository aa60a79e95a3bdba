"""The PySide6 user interface. Qt lives here and nowhere else."""
