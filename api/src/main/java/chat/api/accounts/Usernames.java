package chat.api.accounts;

import chat.runtime.http.Problem;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Username rules: 3 to 32 characters of letters, digits, '_' and '.', starting with a letter.
 * Case-insensitive: stored and compared in lower case.
 */
public final class Usernames {

  private static final Pattern RULE = Pattern.compile("^[a-z][a-z0-9_.]{2,31}$");

  private Usernames() {}

  public static String canonical(String username) {
    String lower = username.toLowerCase(Locale.ROOT);
    if (!RULE.matcher(lower).matches()) {
      throw Problem.badRequest("invalid_field",
          "username: 3 to 32 letters, digits, '_' or '.', starting with a letter");
    }
    return lower;
  }
}
