"""Offers of support: the Secretariat's signed catalogue, and which offers could meet a gap."""
