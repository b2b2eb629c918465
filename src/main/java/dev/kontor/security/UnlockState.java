package dev.kontor.security;

/** What an unlock link is worth: open (usable once), used, expired, or unknown (forged or mistyped). */
public enum UnlockState { OPEN, USED, EXPIRED, UNKNOWN }
