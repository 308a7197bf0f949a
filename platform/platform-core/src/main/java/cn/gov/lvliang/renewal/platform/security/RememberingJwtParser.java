package cn.gov.lvliang.renewal.platform.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.function.LongSupplier;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The token parser of every application (令牌校验): smallrye-jwt's own, which checks the RS256
 * signature, issuer, audience and expiry with the {@code mp.jwt.verify.*} configuration, plus the
 * suite's rule for tokens it has just verified ({@link VerifiedTokens#standard()}): the same token
 * text within 5 minutes, and never past its {@code exp}, gets the identity the full check gave it,
 * without a second RSA check. A forged or altered token is other text and is checked in full.
 *
 * <p>Each service still checks every token itself (it does not trust the gateway or the network);
 * it only stops repeating the same RSA computation for a client's every request, which was 15 % of
 * recycling-service's CPU under the event-lag load (docs/performance.md). Only {@link
 * #parse(String)}, the form Quarkus's bearer-token check calls, remembers; every other form (other
 * keys or contexts) is passed through unchanged.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class RememberingJwtParser implements JWTParser {

    private final JWTParser verifier;
    private final VerifiedTokens verified;
    private final LongSupplier clock;

    @Inject
    public RememberingJwtParser(DefaultJWTParser verifier) {
        this(verifier, VerifiedTokens.standard(), System::currentTimeMillis);
    }

    /** For tests: any verifier, memory and clock (epoch milliseconds). */
    RememberingJwtParser(JWTParser verifier, VerifiedTokens verified, LongSupplier clock) {
        this.verifier = verifier;
        this.verified = verified;
        this.clock = clock;
    }

    /**
     * The identity of {@code token} if it was verified within the remembering period, else null;
     * never verifies, so it is safe on an event loop (the gateway admits a known token there).
     */
    public JsonWebToken remembered(String token) {
        return verified.find(token, clock.getAsLong());
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = remembered(token);
        if (known != null) {
            return known;
        }
        JsonWebToken checked = verifier.parse(token);
        verified.remember(token, checked, clock.getAsLong());
        return checked;
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
