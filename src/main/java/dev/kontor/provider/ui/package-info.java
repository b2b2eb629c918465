/** The provider staff page of the provider administration. */
package dev.kontor.provider.ui;
