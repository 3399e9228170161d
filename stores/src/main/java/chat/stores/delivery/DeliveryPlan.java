package chat.stores.delivery;

import chat.schemas.internal.GatewayBatch;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides, for a batch of channel frames, which frames go to which gateway for which users.
 * Pure: the caller feeds it what Redis said and publishes what it returns. The batch's order is
 * kept per gateway, so a gateway receives a channel's messages in seq order.
 */
public final class DeliveryPlan {

  private DeliveryPlan() {}

  public static Map<String, GatewayBatch> plan(List<ChannelFrame> frames, Map<Long, Set<Long>> membersByChannel,
      Map<Long, Set<String>> gatewaysByUser) {
    Map<String, List<GatewayBatch.Delivery>> byGateway = new LinkedHashMap<>();
    for (ChannelFrame frame : frames) {
      Map<String, Set<Long>> usersByGateway = new LinkedHashMap<>();
      for (Long user : membersByChannel.getOrDefault(frame.channelId(), Set.of())) {
        if (user == frame.exceptUser()) {
          continue;
        }
        for (String gateway : gatewaysByUser.getOrDefault(user, Set.of())) {
          usersByGateway.computeIfAbsent(gateway, g -> new TreeSet<>()).add(user);
        }
      }
      usersByGateway.forEach((gateway, users) -> byGateway.computeIfAbsent(gateway, g -> new ArrayList<>())
          .add(new GatewayBatch.Delivery(List.copyOf(users), frame.frame())));
    }
    Map<String, GatewayBatch> batches = new LinkedHashMap<>();
    byGateway.forEach((gateway, deliveries) -> batches.put(gateway, new GatewayBatch(deliveries)));
    return batches;
  }

  /** One frame for some users (not a channel's members): a batch per gateway holding any of them. */
  public static Map<String, GatewayBatch> toUsers(String frame, Collection<Long> users, Map<Long, Set<String>> gatewaysByUser) {
    Map<String, Set<Long>> usersByGateway = new LinkedHashMap<>();
    for (Long user : users) {
      for (String gateway : gatewaysByUser.getOrDefault(user, Set.of())) {
        usersByGateway.computeIfAbsent(gateway, g -> new TreeSet<>()).add(user);
      }
    }
    Map<String, GatewayBatch> batches = new LinkedHashMap<>();
    usersByGateway.forEach((gateway, those) -> batches.put(gateway,
        new GatewayBatch(List.of(new GatewayBatch.Delivery(List.copyOf(those), frame)))));
    return batches;
  }
}
