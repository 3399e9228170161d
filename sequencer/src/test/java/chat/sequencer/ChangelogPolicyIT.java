package chat.sequencer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import chat.devstack.engines.Engine;
import chat.devstack.engines.TestEngines;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ChangelogPolicyIT {

  private static String bootstrap;

  @BeforeAll
  static void startKafka() {
    bootstrap = TestEngines.start(Engine.KAFKA).kafkaBootstrap();
  }

  private static Admin admin() {
    return Admin.create(Map.<String, Object>of("bootstrap.servers", bootstrap));
  }

  private static String policyOf(Admin admin, String topic) throws Exception {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    return admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource).get("cleanup.policy").value();
  }

  @Test
  void a_changelog_made_by_an_earlier_version_is_switched_to_deletion_by_age() throws Exception {
    String applicationId = "earlier-" + UUID.randomUUID();
    String changelog = ChangelogPolicy.recentSendsChangelog(applicationId);
    try (Admin admin = admin()) {
      admin.createTopics(List.of(new NewTopic(changelog, 1, (short) 1).configs(Map.of("cleanup.policy", "compact,delete"))))
          .all().get(30, TimeUnit.SECONDS);
      // a topic just created is not described at once: wait until it is, as it is at any later start
      await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
          .untilAsserted(() -> assertThat(policyOf(admin, changelog)).isEqualTo("compact,delete"));

      ChangelogPolicy.apply(bootstrap, applicationId);

      assertThat(policyOf(admin, changelog)).isEqualTo("delete");
    }
  }

  @Test
  void a_first_start_with_no_changelog_yet_leaves_it_to_streams() throws Exception {
    String applicationId = "first-" + UUID.randomUUID();

    ChangelogPolicy.apply(bootstrap, applicationId);

    try (Admin admin = admin()) {
      assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).doesNotContain(ChangelogPolicy.recentSendsChangelog(applicationId));
    }
  }
}
