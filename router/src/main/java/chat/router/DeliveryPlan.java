package chat.router;

import chat.schemas.Json;
import chat.schemas.events.MessageSequenced;
import chat.schemas.frames.MessageFrame;
import chat.schemas.internal.GatewayBatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides, for a batch of messages, which frames go to which gateway for which users. Pure: the
 * router feeds it what Redis said and publishes what it returns. Order of the batch is kept per
 * gateway, so a gateway receives a channel's messages in seq order.
 */
public final class DeliveryPlan {

  private DeliveryPlan() {}

  public static Map<String, GatewayBatch> plan(List<MessageSequenced> messages, Map<Long, Set<Long>> membersByChannel,
      Map<Long, Set<String>> gatewaysByUser) {
    Map<String, List<GatewayBatch.Delivery>> byGateway = new LinkedHashMap<>();
    for (MessageSequenced message : messages) {
      String frame = Json.encode(new MessageFrame(message.channelId(), message.seq(), message.senderId(),
          message.clientMsgId(), message.body(), message.sentAt()));
      Map<String, Set<Long>> usersByGateway = new LinkedHashMap<>();
      for (Long user : membersByChannel.getOrDefault(message.channelId(), Set.of())) {
        for (String gateway : gatewaysByUser.getOrDefault(user, Set.of())) {
          usersByGateway.computeIfAbsent(gateway, g -> new TreeSet<>()).add(user);
        }
      }
      usersByGateway.forEach((gateway, users) -> byGateway.computeIfAbsent(gateway, g -> new ArrayList<>())
          .add(new GatewayBatch.Delivery(List.copyOf(users), frame)));
    }
    Map<String, GatewayBatch> batches = new LinkedHashMap<>();
    byGateway.forEach((gateway, deliveries) -> batches.put(gateway, new GatewayBatch(deliveries)));
    return batches;
  }
}
