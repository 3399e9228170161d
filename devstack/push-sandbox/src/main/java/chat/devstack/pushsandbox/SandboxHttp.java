package chat.devstack.pushsandbox;

import io.vertx.ext.web.RoutingContext;

/** Writing a scripted answer. */
final class SandboxHttp {

  private SandboxHttp() {}

  static void answer(RoutingContext ctx, Answer answer) {
    var response = ctx.response().setStatusCode(answer.status());
    answer.headers().forEach(response::putHeader);
    response.end(answer.body());
  }
}
