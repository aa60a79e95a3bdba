"""The Secretariat's desk: the same core in a second mode. It receives and verifies packages
from many authorities, certifies their keys, compares their needs and answers with receipts."""
