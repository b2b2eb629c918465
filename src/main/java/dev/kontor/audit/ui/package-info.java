/** The audit log view. */
package dev.kontor.audit.ui;
