/** Sign-in, sign-out, password storage, throttling of failed sign-ins and the web security rules. */
package dev.kontor.security;
