/** Kontor: the self-service portal of a hosting provider, its partners and their customers. */
package dev.kontor;
