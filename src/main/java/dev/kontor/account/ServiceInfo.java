package dev.kontor.account;

/** A service of an account as cards and dialogs show it. */
public record ServiceInfo(String name, ServiceKind kind) {
}
