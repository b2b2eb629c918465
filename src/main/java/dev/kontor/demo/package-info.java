/** The demo data set for the embedded default, loaded once when switched on. */
package dev.kontor.demo;
