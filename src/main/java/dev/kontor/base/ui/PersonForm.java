package dev.kontor.base.ui;

/** The working copy of a form that names a person by e-mail address and name (add a manager, an administrator). */
public class PersonForm {

    private String email = "";
    private String name = "";

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
