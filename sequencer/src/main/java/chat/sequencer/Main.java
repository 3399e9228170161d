package chat.sequencer;

import chat.runtime.stage.StageLauncher;

/** Runs the sequencer alone: {@code java chat.sequencer.Main [--config sequencer.yaml]}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    StageLauncher.run("sequencer", SequencerConfig.class, args, SequencerStage::deploy);
  }
}
