namespace StealthRelay.Redaction;

/// <summary>Entity type names, as Presidio names them, so policies and reports read the same across tools.</summary>
public static class EntityTypes
{
    public const string EmailAddress = "EMAIL_ADDRESS";
    public const string PhoneNumber = "PHONE_NUMBER";
    public const string CreditCard = "CREDIT_CARD";
    public const string IbanCode = "IBAN_CODE";
    public const string UsSsn = "US_SSN";
    public const string UsItin = "US_ITIN";
    /// <summary>The US Medicare Beneficiary Identifier (health-plan beneficiary number). Presidio has none.</summary>
    public const string UsMbi = "US_MBI";
    public const string IpAddress = "IP_ADDRESS";
    public const string MacAddress = "MAC_ADDRESS";
    /// <summary>A cryptocurrency wallet address (Bitcoin, Litecoin, Tron, Ethereum, ...), as Presidio names it.</summary>
    public const string Crypto = "CRYPTO";
    public const string Url = "URL";
    public const string Secret = "SECRET";
    public const string CardSecurityCode = "CARD_SECURITY_CODE";
    public const string DateOfBirth = "DATE_OF_BIRTH";
    public const string Passport = "PASSPORT";
    public const string DriverLicense = "DRIVER_LICENSE";
    public const string Vin = "VIN";
    public const string AbaRoutingNumber = "ABA_ROUTING_NUMBER";
    /// <summary>
    /// A bank account number named by a key word in any of six languages: Presidio's US_BANK_NUMBER, named neutrally as
    /// PASSPORT and DRIVER_LICENSE are (Presidio: US_PASSPORT, US_DRIVER_LICENSE).
    /// </summary>
    public const string BankAccount = "BANK_ACCOUNT";
    public const string UkSortCode = "UK_SORT_CODE";
    /// <summary>The number a hospital or practice files a patient under (MRN), named by a key word. Presidio has none.</summary>
    public const string MedicalRecordNumber = "MEDICAL_RECORD_NUMBER";
    /// <summary>The number an employer files a person under, named by a key word. Presidio has none.</summary>
    public const string EmployeeId = "EMPLOYEE_ID";
    /// <summary>An insurance policy, membership or claim number, named by a key word. Presidio has none.</summary>
    public const string InsuranceNumber = "INSURANCE_NUMBER";
    /// <summary>The number a company files a customer under, named by a key word. Presidio has none.</summary>
    public const string CustomerNumber = "CUSTOMER_NUMBER";
    /// <summary>
    /// A VAT identification number with its country prefix (DE, NL, FR, BE, AT, IT, ES, GB). Presidio has none; named
    /// without "EU" because GB numbers are included.
    /// </summary>
    public const string VatId = "VAT_ID";
    public const string UkNhs = "UK_NHS";
    public const string UkNino = "UK_NINO";
    public const string DeTaxId = "DE_TAX_ID";
    public const string DeIdCard = "DE_ID_CARD";
    /// <summary>The German Sozialversicherungsnummer (pension insurance number).</summary>
    public const string DeSvnr = "DE_SVNR";
    /// <summary>The German Krankenversichertennummer (health insurance number, lifelong part).</summary>
    public const string DeKvnr = "DE_KVNR";
    public const string FrNir = "FR_NIR";
    public const string EsNif = "ES_NIF";
    public const string EsNie = "ES_NIE";
    public const string ItFiscalCode = "IT_FISCAL_CODE";
    public const string NlBsn = "NL_BSN";
    /// <summary>The Swiss social insurance number (AHV/AVS), 756 and ten digits with an EAN-13 check digit.</summary>
    public const string ChAhv = "CH_AHV";
    public const string InAadhaar = "IN_AADHAAR";
    public const string InPan = "IN_PAN";
    /// <summary>The Canadian Social Insurance Number (numéro d'assurance sociale), nine digits with a Luhn check digit.</summary>
    public const string CaSin = "CA_SIN";
    /// <summary>The Brazilian Cadastro de Pessoas Físicas (CPF), nine digits and two mod-11 check digits.</summary>
    public const string BrCpf = "BR_CPF";
    /// <summary>The Brazilian Cadastro Nacional da Pessoa Jurídica (CNPJ), twelve digits and two mod-11 check digits.</summary>
    public const string BrCnpj = "BR_CNPJ";
    public const string Person = "PERSON";
    public const string Location = "LOCATION";
    public const string Organization = "ORGANIZATION";
    public const string Address = "ADDRESS";
    /// <summary>A term from a policy's deny list.</summary>
    public const string Custom = "CUSTOM";
}
