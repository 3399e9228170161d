package chat.pusher.webpush;

import chat.pusher.providers.Keys;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.util.Date;

/**
 * VAPID (RFC 8292): an ES256 JWT per push service origin ({@code aud}), valid 12 hours, signed
 * with the application server's key (nimbus-jose-jwt), sent with the public key as
 * {@code Authorization: vapid t=<jwt>, k=<key>}.
 */
public final class Vapid {

  private static final long VALID_MS = 12 * 3600 * 1000L;

  private final String publicKey;
  private final ECDSASigner signer;
  private final String subject;

  public Vapid(WebPushConfig config) throws GeneralSecurityException, JOSEException {
    this.publicKey = config.vapidPublicKey.trim();
    this.signer = new ECDSASigner(Keys.p256Private(Keys.base64Url(config.vapidPrivateKey), Keys.p256()));
    this.subject = config.subject;
  }

  /** The {@code Authorization} header value for a request to {@code endpoint}. */
  public String authorization(String endpoint, long nowMs) throws JOSEException {
    URI uri = URI.create(endpoint);
    String audience = uri.getScheme() + "://" + uri.getRawAuthority();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT).build(),
        new JWTClaimsSet.Builder().audience(audience).expirationTime(new Date(nowMs + VALID_MS)).subject(subject).build());
    jwt.sign(signer);
    return "vapid t=" + jwt.serialize() + ", k=" + publicKey;
  }
}
