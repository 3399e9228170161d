package chat.pusher.fcm;

/** Firebase Cloud Messaging, HTTP v1 API, authenticated as a Google service account. */
public class FcmConfig {
  /**
   * The service account's JSON key file (as downloaded from the Google Cloud console: it holds
   * {@code project_id}, {@code client_email}, {@code private_key}, {@code token_uri}). Empty: FCM off.
   */
  public String serviceAccountFile = "";
  /** Overrides the key file's {@code token_uri} (the OAuth 2.0 token endpoint). */
  public String tokenUri = "";
  /** Base URL of the FCM API. */
  public String endpoint = "https://fcm.googleapis.com";
}
