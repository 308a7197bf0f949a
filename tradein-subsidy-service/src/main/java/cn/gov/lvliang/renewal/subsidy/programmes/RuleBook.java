package cn.gov.lvliang.renewal.subsidy.programmes;

import cn.gov.lvliang.renewal.platform.problem.Problems;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Reads rule versions: finds the one in force on a purchase date and turns its parameters
 * document into validated {@link RuleParameters}.
 *
 * <p>Issued versions never change, and every claim of a programme reads the same few documents, so
 * the parameters read from a document are remembered by the document's text: each document is
 * parsed and validated once, not once per claim. Keyed by the text rather than the version id, a
 * remembered value can never belong to another document.
 */
@ApplicationScoped
public class RuleBook {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    /** Documents remembered at most; a programme has a handful of versions. */
    static final int REMEMBERED_DOCUMENTS = 256;

    private final Validator validator;
    private final Map<String, RuleParameters> readDocuments = new ConcurrentHashMap<>();

    public RuleBook(Validator validator) {
        this.validator = validator;
    }

    /** The version in force for a purchase of {@code programmeId} on {@code purchaseDate}. */
    public Optional<RuleVersion> inForce(String programmeId, LocalDate purchaseDate) {
        return RuleVersion.inForce(programmeId, purchaseDate);
    }

    /**
     * The version's parameters, validated; a stored document that no longer validates is a defect.
     * The result is shared between callers: read it, never change its maps and lists.
     */
    public RuleParameters parameters(RuleVersion version) {
        RuleParameters known = readDocuments.get(version.parameters);
        if (known != null) {
            return known;
        }
        RuleParameters read = read(version);
        if (readDocuments.size() >= REMEMBERED_DOCUMENTS) {
            readDocuments.clear(); // far more documents than programmes have: start afresh
        }
        readDocuments.put(version.parameters, read);
        return read;
    }

    private RuleParameters read(RuleVersion version) {
        try {
            RuleParameters parameters = JSON.readValue(version.parameters, RuleParameters.class);
            List<String> problems = problems(parameters);
            if (!problems.isEmpty()) {
                throw new IllegalStateException(
                        "rule version " + version.programmeId + " v" + version.version + " is invalid: " + problems);
            }
            return parameters;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rule version " + version.id + " is not readable", e);
        }
    }

    /** Checks parameters coming in through the API: 400 naming the problems. */
    public String validatedDocument(RuleParameters parameters) {
        List<String> problems = problems(parameters);
        if (!problems.isEmpty()) {
            throw Problems.invalidField("parameters", null, "field.rule-parameters", String.join("; ", problems));
        }
        try {
            return JSON.writeValueAsString(parameters);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private List<String> problems(RuleParameters parameters) {
        Set<ConstraintViolation<RuleParameters>> violations = validator.validate(parameters);
        List<String> problems = violations.stream()
                .map(v -> v.getPropertyPath() + " " + v.getMessage())
                .sorted()
                .collect(Collectors.toList());
        if (violations.isEmpty()) {
            problems.addAll(parameters.inconsistencies());
        }
        return problems;
    }
}
