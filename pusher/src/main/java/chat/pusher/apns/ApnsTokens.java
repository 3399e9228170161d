package chat.pusher.apns;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.interfaces.ECPrivateKey;
import java.util.Date;

/**
 * The APNs provider authentication token: an ES256 JWT ({@code kid} = key id, {@code iss} =
 * team id, {@code iat}), reused for 50 minutes (APNs refuses tokens older than an hour and
 * throttles ones renewed more often than every 20 minutes).
 */
public final class ApnsTokens {

  static final long REUSE_MS = 50 * 60 * 1000L;

  private final ECDSASigner signer;
  private final String keyId;
  private final String teamId;
  private String token;
  private long issuedAtMs;

  public ApnsTokens(ECPrivateKey key, String keyId, String teamId) throws JOSEException {
    this.signer = new ECDSASigner(key);
    this.keyId = keyId;
    this.teamId = teamId;
  }

  public synchronized String token(long nowMs) throws JOSEException {
    if (token == null || nowMs - issuedAtMs >= REUSE_MS) {
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(keyId).build(),
          new JWTClaimsSet.Builder().issuer(teamId).issueTime(new Date(nowMs / 1000 * 1000)).build());
      jwt.sign(signer);
      token = jwt.serialize();
      issuedAtMs = nowMs;
    }
    return token;
  }

  /** APNs said the token expired: the next call signs a new one. */
  public synchronized void invalidate() {
    token = null;
  }
}
