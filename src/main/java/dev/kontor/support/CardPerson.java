package dev.kontor.support;

/** Someone to call: name, phone (E.164, or null), e-mail, language, and a role such as "Network operations". */
public record CardPerson(String name, String phone, String email, String language, String jobTitle) {
}
