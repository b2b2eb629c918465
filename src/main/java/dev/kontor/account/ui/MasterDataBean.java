package dev.kontor.account.ui;

import dev.kontor.account.MasterData;

/** The master data form's working copy; the service receives a {@link MasterData} record made from it. */
class MasterDataBean {

    private String companyName = "";
    private String street = "";
    private String postalCode = "";
    private String city = "";
    private String country;
    private String billingEmail = "";
    private String emergencyPhone = "";

    static MasterDataBean of(MasterData data) {
        MasterDataBean bean = new MasterDataBean();
        bean.companyName = orEmpty(data.companyName());
        bean.street = orEmpty(data.street());
        bean.postalCode = orEmpty(data.postalCode());
        bean.city = orEmpty(data.city());
        bean.country = data.country();
        bean.billingEmail = orEmpty(data.billingEmail());
        bean.emergencyPhone = orEmpty(data.emergencyPhone());
        return bean;
    }

    MasterData toRecord() {
        return new MasterData(companyName, street, postalCode, city, country, billingEmail, emergencyPhone);
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    public String getCompanyName() {
        return companyName;
    }

    public void setCompanyName(String companyName) {
        this.companyName = companyName;
    }

    public String getStreet() {
        return street;
    }

    public void setStreet(String street) {
        this.street = street;
    }

    public String getPostalCode() {
        return postalCode;
    }

    public void setPostalCode(String postalCode) {
        this.postalCode = postalCode;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public String getBillingEmail() {
        return billingEmail;
    }

    public void setBillingEmail(String billingEmail) {
        this.billingEmail = billingEmail;
    }

    public String getEmergencyPhone() {
        return emergencyPhone;
    }

    public void setEmergencyPhone(String emergencyPhone) {
        this.emergencyPhone = emergencyPhone;
    }
}
