/** The append-only record of who did what, where, when and on whose behalf. */
package dev.kontor.audit;
