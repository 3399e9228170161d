package chat.gateway.edge;

import chat.runtime.http.Problem;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import io.vertx.core.internal.ContextInternal;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Stands before the WebSocket handshake of one connection: a request for another path or method,
 * or one the gateway does not admit, is answered with a problem and the connection closed; an
 * admitted one goes on to the handshake and this handler leaves the pipeline. A connection that
 * sends no whole request within the timeout is closed; the time the admission takes (Redis,
 * PostgreSQL, under a burst of thousands of connects) does not count.
 */
final class UpgradeGate extends ChannelInboundHandlerAdapter {

  private final ContextInternal context;
  private final Upgrades upgrades;
  private final String path;
  private final long timeoutMs;
  private final SocketHandler socket;
  private ScheduledFuture<?> timeout;

  UpgradeGate(ContextInternal context, Upgrades upgrades, String path, long timeoutMs, SocketHandler socket) {
    this.context = context;
    this.upgrades = upgrades;
    this.path = path;
    this.timeoutMs = timeoutMs;
    this.socket = socket;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    timeout = ctx.executor().schedule(() -> {
      ctx.close();
      context.dispatch(v -> upgrades.timedOut());
    }, timeoutMs, TimeUnit.MILLISECONDS);
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    timeout.cancel(false);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof FullHttpRequest request)) {
      ReferenceCountUtil.release(msg);
      return;
    }
    timeout.cancel(false); // the client did its part; the admission's own time is not held against it
    QueryStringDecoder uri = new QueryStringDecoder(request.uri());
    if (!request.decoderResult().isSuccess()) {
      refuse(ctx, request, Problem.badRequest("bad_request", "malformed HTTP request"));
    } else if (!path.equals(uri.path())) {
      refuse(ctx, request, Problem.notFound("no such endpoint: " + uri.path()));
    } else if (!HttpMethod.GET.equals(request.method())) {
      refuse(ctx, request, new Problem(405, "method_not_allowed", path + " is opened with GET and Upgrade: websocket"));
    } else {
      ctx.channel().config().setAutoRead(false);
      UpgradeRequest upgrade = new UpgradeRequest(uri.parameters(), request.headers().get(HttpHeaderNames.AUTHORIZATION));
      context.dispatch(upgrade, r -> upgrades.admit(r).onComplete(admitted -> {
        if (!ctx.channel().isActive()) {
          request.release();
        } else if (admitted.failed()) {
          Problem problem = admitted.cause() instanceof Problem p ? p : Problem.unauthorized("a valid access token or ticket is required");
          refuse(ctx, request, problem);
        } else {
          socket.admitted(admitted.result());
          ctx.channel().config().setAutoRead(true);
          ctx.pipeline().remove(this);
          ctx.fireChannelRead(request); // on to the handshake
        }
      }));
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }

  private static void refuse(ChannelHandlerContext ctx, FullHttpRequest request, Problem problem) {
    request.release();
    DefaultFullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(problem.status()),
        Unpooled.copiedBuffer(problem.toJson().encode(), StandardCharsets.UTF_8));
    response.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
        .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
        .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
  }
}
