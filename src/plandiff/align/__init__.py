"""Alignment: which provisions of two versions correspond, in passes from surest to weakest."""
