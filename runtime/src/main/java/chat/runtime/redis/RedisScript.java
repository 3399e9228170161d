package chat.runtime.redis;

import io.vertx.core.buffer.Buffer;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.util.List;

/**
 * A Lua script run atomically by Redis. Keys are passed as keys (not built inside the script), so
 * the script states everything it touches.
 */
public record RedisScript(String lua) {

  /** An {@code EVAL} of this script with the given keys and arguments (a {@link Buffer} goes as its bytes, anything else as its text). */
  public Request call(List<String> keys, Object... args) {
    Request request = Request.cmd(Command.EVAL).arg(lua).arg(keys.size());
    keys.forEach(request::arg);
    for (Object arg : args) {
      if (arg instanceof Buffer bytes) {
        request.arg(bytes);
      } else {
        request.arg(String.valueOf(arg));
      }
    }
    return request;
  }
}
