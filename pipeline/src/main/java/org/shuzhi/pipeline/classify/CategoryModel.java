package org.shuzhi.pipeline.classify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.GenericModelReader;
import opennlp.tools.ml.model.GenericModelWriter;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;
import org.shuzhi.pipeline.model.Category;

/**
 * The learned paragraph-category model: an Apache OpenNLP maximum-entropy model (L-BFGS, L2-regularised) over
 * {@link ParagraphFeatures}. Probabilities come back in {@link Category} order. Immutable and thread-safe.
 */
public final class CategoryModel {
    /** Where the pipeline looks for the model, relative to the dictionaries folder. */
    public static final String FILE = "models/category-maxent.bin";
    /** Training iterations. */
    public static final int ITERATIONS = 200;
    /** L2 regularisation weight. */
    public static final double L2 = 0.5;

    private final MaxentModel model;
    private final int[] outcomeIndex = new int[Category.values().length];

    private CategoryModel(MaxentModel model) {
        this.model = model;
        for (Category c : Category.values()) {
            outcomeIndex[c.ordinal()] = model.getIndex(ParagraphFeatures.outcome(c));
        }
    }

    /** A labelled training example. */
    public record Example(Category category, List<String> features) {
    }

    /**
     * Trains a model.
     *
     * @throws IllegalArgumentException if {@code examples} is empty
     */
    public static CategoryModel train(List<Example> examples) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("no training examples");
        }
        TrainingParameters params = new TrainingParameters();
        params.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT_QN");
        params.put(TrainingParameters.ITERATIONS_PARAM, ITERATIONS);
        params.put(TrainingParameters.CUTOFF_PARAM, 1);
        params.put("L2Cost", L2);
        params.put("L1Cost", 0.0);
        params.put(TrainingParameters.THREADS_PARAM, 1);
        EventTrainer trainer = TrainerFactory.getEventTrainer(params, null);
        List<Event> events = examples.stream().map(e -> new Event(ParagraphFeatures.outcome(e.category()),
                e.features().toArray(String[]::new))).toList();
        try {
            return new CategoryModel(trainer.train(ObjectStreamUtils.createObjectStream(events)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @throws IOException if the file cannot be read or is not a model
     */
    public static CategoryModel load(Path file) throws IOException {
        return new CategoryModel(new GenericModelReader(file.toFile()).getModel());
    }

    /** Writes the model in OpenNLP's binary format. */
    public void save(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        new GenericModelWriter((AbstractModel) model, file.toFile()).persist();
    }

    /** @return the probability of each category (indexed by ordinal, summing to 1); 0 for unseen outcomes */
    public double[] probabilities(List<String> features) {
        double[] p = model.eval(features.toArray(String[]::new));
        double[] out = new double[Category.values().length];
        double sum = 0;
        for (Category c : Category.values()) {
            int i = outcomeIndex[c.ordinal()];
            out[c.ordinal()] = i < 0 ? 0 : p[i];
            sum += out[c.ordinal()];
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = sum == 0 ? 1.0 / out.length : out[i] / sum;
        }
        return out;
    }
}
