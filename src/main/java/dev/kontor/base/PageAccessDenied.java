package dev.kontor.base;

/** A signed-in person opened a page their roles do not allow; published so that the audit log can record it. */
public record PageAccessDenied(String path) {
}
