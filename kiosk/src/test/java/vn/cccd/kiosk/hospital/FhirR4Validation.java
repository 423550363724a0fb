package vn.cccd.kiosk.hospital;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

/**
 * HAPI FHIR's instance validator with the official R4 StructureDefinitions and value sets
 * (hapi-fhir-validation-resources-r4), offline: no terminology server, no package download. Built once per test
 * JVM (loading the definitions takes seconds).
 */
final class FhirR4Validation {
    private static FhirValidator validator;

    private FhirR4Validation() {
    }

    private static synchronized FhirValidator validator() {
        if (validator == null) {
            // the FHIR validator configures its StAX parser with Woodstox properties; the JDK's own parser, found
            // first otherwise, refuses them
            System.setProperty("javax.xml.stream.XMLInputFactory", "com.ctc.wstx.stax.WstxInputFactory");
            FhirContext ctx = FhirContext.forR4Cached();
            ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(ctx),
                    new InMemoryTerminologyServerValidationSupport(ctx), new CommonCodeSystemsTerminologyService(ctx));
            FhirInstanceValidator module = new FhirInstanceValidator(chain);
            module.setNoTerminologyChecks(false);
            validator = ctx.newValidator().registerValidatorModule(module);
        }
        return validator;
    }

    /** The validator's errors (and fatal errors) for a resource in JSON, each as "location: message". */
    static List<String> errors(JsonNode resource) {
        return validator().validateWithResult(resource.toString()).getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .map(FhirR4Validation::line).toList();
    }

    private static String line(SingleValidationMessage m) {
        return m.getLocationString() + ": " + m.getMessage();
    }
}
