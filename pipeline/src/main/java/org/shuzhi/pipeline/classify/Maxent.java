package org.shuzhi.pipeline.classify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.GenericModelReader;
import opennlp.tools.ml.model.GenericModelWriter;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * An Apache OpenNLP maximum-entropy model (L-BFGS, L2-regularised, feature cutoff 1, one thread, so training is
 * deterministic) over string features, with outcomes the constants of an enum (named by their lower-case names).
 * Probabilities come back in the enum's ordinal order. Immutable and thread-safe.
 *
 * @param <L> the label enum
 */
public final class Maxent<L extends Enum<L>> {
    private final MaxentModel model;
    private final int[] outcomeIndex;

    private Maxent(MaxentModel model, Class<L> labels) {
        this.model = model;
        L[] all = labels.getEnumConstants();
        this.outcomeIndex = new int[all.length];
        for (L l : all) {
            outcomeIndex[l.ordinal()] = model.getIndex(outcome(l));
        }
    }

    /** A labelled training example. */
    public record Example<L>(L label, List<String> features) {
    }

    public static String outcome(Enum<?> l) {
        return l.name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param iterations L-BFGS iterations
     * @param l2         L2 regularisation weight
     * @throws IllegalArgumentException if {@code examples} is empty
     */
    public static <L extends Enum<L>> Maxent<L> train(Class<L> labels, List<Example<L>> examples, int iterations, double l2) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("no training examples");
        }
        TrainingParameters params = new TrainingParameters();
        params.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT_QN");
        params.put(TrainingParameters.ITERATIONS_PARAM, iterations);
        params.put(TrainingParameters.CUTOFF_PARAM, 1);
        params.put("L2Cost", l2);
        params.put("L1Cost", 0.0);
        params.put(TrainingParameters.THREADS_PARAM, 1);
        EventTrainer trainer = TrainerFactory.getEventTrainer(params, null);
        List<Event> events = examples.stream().map(e -> new Event(outcome(e.label()),
                e.features().toArray(String[]::new))).toList();
        try {
            return new Maxent<>(trainer.train(ObjectStreamUtils.createObjectStream(events)), labels);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws IOException if the file cannot be read or is not a model */
    public static <L extends Enum<L>> Maxent<L> load(Path file, Class<L> labels) throws IOException {
        return new Maxent<>(new GenericModelReader(file.toFile()).getModel(), labels);
    }

    /** Writes the model in OpenNLP's binary format. */
    public void save(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        new GenericModelWriter((AbstractModel) model, file.toFile()).persist();
    }

    /** @return the probability of each label (indexed by ordinal, summing to 1); 0 for labels never seen in training */
    public double[] probabilities(List<String> features) {
        double[] p = model.eval(features.toArray(String[]::new));
        double[] out = new double[outcomeIndex.length];
        double sum = 0;
        for (int i = 0; i < out.length; i++) {
            out[i] = outcomeIndex[i] < 0 ? 0 : p[outcomeIndex[i]];
            sum += out[i];
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = sum == 0 ? 1.0 / out.length : out[i] / sum;
        }
        return out;
    }
}
