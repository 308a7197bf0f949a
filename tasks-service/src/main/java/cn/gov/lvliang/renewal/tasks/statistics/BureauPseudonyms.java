package cn.gov.lvliang.renewal.tasks.statistics;

import cn.gov.lvliang.renewal.platform.pii.KeyedHash;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Base64;

/**
 * Pseudonyms of people for the statistics bureau (假名化): HMAC-SHA-256 under the bureau's own key
 * over {@code <domain>:<the service's identifier>}. Stable (the same claimant always gets the same
 * pseudonym, so the bureau can count people), keyed (not recomputable from a guessed ID number
 * without the key) and domain-separated (an owner and a claimant pseudonym never coincide).
 */
@ApplicationScoped
public class BureauPseudonyms implements BureauProjection.Pseudonymiser {

    private final KeyedHash hash;

    public BureauPseudonyms(StatisticsConfig config) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(config.pseudonymKey().strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("tasks.statistics.pseudonym-key must be base64", e);
        }
        this.hash = new KeyedHash(key);
    }

    @Override
    public String pseudonym(String domain, String value) {
        return hash.hash(domain + ":" + value);
    }
}
