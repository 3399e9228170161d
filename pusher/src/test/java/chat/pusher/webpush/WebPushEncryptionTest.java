package chat.pusher.webpush;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECPrivateKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class WebPushEncryptionTest {

  private static byte[] b64(String text) {
    return Base64.getUrlDecoder().decode(text);
  }

  /** RFC 8291, Appendix A: every input fixed, so the output must be the RFC's, byte for byte. */
  @Test
  void the_example_of_rfc_8291_is_reproduced_exactly() throws Exception {
    byte[] asPublic = b64("BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8");
    byte[] asPrivate = b64("yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw");
    byte[] uaPublic = b64("BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4");
    byte[] authSecret = b64("BTBZMqHH6r4Tts7J_aSIgg");
    byte[] salt = b64("DGv6ra1nlYgDCS1FRnbzlw");

    java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("EC");
    generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
    var params = ((ECPublicKey) generator.generateKeyPair().getPublic()).getParams();
    KeyPair ephemeral = new KeyPair(WebPushEncryption.publicKey(asPublic, params),
        KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(new BigInteger(1, asPrivate), params)));

    byte[] body = WebPushEncryption.encrypt("When I grow up, I want to be a watermelon".getBytes(StandardCharsets.UTF_8),
        uaPublic, authSecret, ephemeral, salt);

    assertThat(Base64.getUrlEncoder().withoutPadding().encodeToString(body)).isEqualTo(
        "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_"
            + "yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN");
  }
}
