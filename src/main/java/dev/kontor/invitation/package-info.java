/** One-time, expiring invitation links: issuing them, showing them and accepting them with a first password. */
package dev.kontor.invitation;
