package cn.gov.lvliang.renewal.console.session;

/** No session, or its token has expired: the user is sent to sign in. */
public class SignInRequired extends RuntimeException {
    public SignInRequired() {
        super("sign-in required", null, false, false);
    }
}
