"""Help inside the app: the user guide, the glossary (the About box is gui/about_dialog.py)."""
