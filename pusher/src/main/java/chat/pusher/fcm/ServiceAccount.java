package chat.pusher.fcm;

import chat.pusher.providers.Keys;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.interfaces.RSAPrivateKey;

/** A Google service account key file: who signs the OAuth 2.0 assertion, with which key, for which project. */
public record ServiceAccount(String projectId, String clientEmail, RSAPrivateKey privateKey, String tokenUri) {

  public static ServiceAccount read(Path file, String tokenUriOverride) throws IOException, GeneralSecurityException {
    JsonObject json = new JsonObject(Files.readString(file));
    String tokenUri = tokenUriOverride.isBlank() ? json.getString("token_uri", "https://oauth2.googleapis.com/token") : tokenUriOverride;
    return new ServiceAccount(json.getString("project_id"), json.getString("client_email"),
        (RSAPrivateKey) Keys.pkcs8(json.getString("private_key"), "RSA"), tokenUri);
  }
}
