/** The provisioning API under /api/v1: its tokens, their authentication and limits, and its controllers. */
package dev.kontor.api;
