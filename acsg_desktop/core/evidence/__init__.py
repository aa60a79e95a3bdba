"""Evidence files attached to answers: what may be attached, kept and handed out."""
