package chat.persister;

import chat.runtime.stage.StageLauncher;

/** Runs the persister alone: {@code java chat.persister.Main [--config persister.yaml]}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    StageLauncher.run("persister", PersisterConfig.class, args, PersisterStage::deploy);
  }
}
