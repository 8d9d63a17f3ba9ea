package dev.telescale.codegen.model;

import dev.telescale.codegen.Naming;
import dev.telescale.codegen.Overrides;
import dev.telescale.codegen.Overrides.ScalarVariants;
import dev.telescale.codegen.Overrides.SyntheticUnion;
import dev.telescale.codegen.spec.Spec;
import dev.telescale.codegen.spec.SpecField;
import dev.telescale.codegen.spec.SpecMethod;
import dev.telescale.codegen.spec.SpecType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Turns the spec plus the overrides into the {@link ApiModel} the emitters write. */
public final class ModelBuilder {

    /** Spec types written by hand in the api runtime, not generated. */
    private static final Set<String> HAND_WRITTEN = Set.of("InputFile");

    private final Spec spec;
    private final Overrides overrides;
    private final Naming naming;

    /** Builds from a spec and the reviewed overrides. */
    public ModelBuilder(Spec spec, Overrides overrides) {
        this.spec = spec;
        this.overrides = overrides;
        this.naming = new Naming(overrides.javaRenames());
    }

    /** Builds the model; fails with a clear message on anything it cannot map. */
    public ApiModel build() {
        Map<String, List<String>> unionVariants = new LinkedHashMap<>();
        for (SpecType t : spec.types().values()) {
            if (t.isUnion()) {
                unionVariants.put(t.name(), variantsOf(t));
            }
        }
        overrides.syntheticUnions().forEach((name, u) -> unionVariants.put(name, u.variants()));
        TypeMapper mapper = new TypeMapper(n -> (spec.types().containsKey(n) && !HAND_WRITTEN.contains(n))
                || unionVariants.containsKey(n), unionVariants);

        List<UnionModel> unions = new ArrayList<>();
        Map<String, String[]> constants = new LinkedHashMap<>();
        for (SpecType t : spec.types().values()) {
            if (t.isUnion()) {
                unions.add(union(t, constants));
            }
        }
        for (SyntheticUnion s : overrides.syntheticUnions().values()) {
            unions.add(new UnionModel(s.name(), "", List.of(s.description()), s.variants(), null, Map.of(), Map.of(),
                    s.rules(), null, List.of()));
        }
        Map<String, Set<String>> implemented = new TreeMap<>();
        for (UnionModel u : unions) {
            for (String v : u.variants()) {
                implemented.computeIfAbsent(v, k -> new TreeSet<>()).add(u.name());
            }
        }
        Set<String> received = receivedTypes(mapper, unionVariants);

        List<ObjectModel> types = new ArrayList<>();
        overrides.hotFields().forEach((type, hot) -> hot.forEach(field -> {
            if (spec.types().get(type) == null
                    || spec.types().get(type).fields().stream().noneMatch(f -> f.name().equals(field))) {
                throw new IllegalStateException("overrides.json hotFields names " + type + "." + field + ", which the spec lacks");
            }
        }));
        for (SpecType t : spec.types().values()) {
            if (t.isUnion() || HAND_WRITTEN.contains(t.name())) {
                continue;
            }
            boolean defaultsApply = !received.contains(t.name()) || overrides.defaultableTypes().contains(t.name());
            String[] constant = constants.get(t.name());
            List<FieldModel> fields = new ArrayList<>();
            for (SpecField f : t.fields()) {
                boolean defaultable = !f.required() && defaultsApply
                        && (overrides.defaultableFields().contains(f.name())
                        || overrides.defaultableTypes().contains(t.name()));
                String fixed = constant != null && constant[0].equals(f.name()) ? constant[1] : null;
                Set<String> hot = overrides.hotFields().get(t.name());
                boolean cold = hot != null && !f.required() && !defaultable && fixed == null && !hot.contains(f.name());
                fields.add(new FieldModel(f.name(), naming.member(f.name()), fieldType(f, mapper, t.name()),
                        f.required(), f.description(), defaultable, fixed, cold));
            }
            types.add(new ObjectModel(t.name(), t.name(), t.href(), t.description(), List.copyOf(fields),
                    List.copyOf(implemented.getOrDefault(t.name(), Set.of())), null, null));
        }
        for (UnionModel u : unions) {
            if (u.scalar() != null) {
                ScalarVariants s = u.scalar();
                types.add(new ObjectModel(s.stringVariant(), null, u.href(), List.of(s.stringDescription()),
                        List.of(), List.of(u.name()), null, null));
                types.add(new ObjectModel(s.arrayVariant(), null, u.href(), List.of(s.arrayDescription()),
                        List.of(), List.of(u.name()), null, null));
            }
        }

        Map<String, ObjectModel> byName = new LinkedHashMap<>();
        types.forEach(t -> byName.put(t.name(), t));
        List<UnionModel> withCommon = new ArrayList<>();
        for (UnionModel u : unions) {
            // Scalar members (RichText's string and array) have no fields, so such unions share none.
            List<FieldModel> common = u.scalar() != null ? List.of() : CommonFields.of(
                    u.variants().stream().map(v -> byName.get(v).fields()).toList(), u.discriminator());
            withCommon.add(u.withCommonFields(common));
        }
        unions = withCommon;

        List<ObjectModel> requests = new ArrayList<>();
        for (SpecMethod m : spec.methods().values()) {
            List<FieldModel> fields = new ArrayList<>();
            for (SpecField f : m.fields()) {
                boolean defaultable = !f.required() && overrides.defaultableFields().contains(f.name());
                fields.add(new FieldModel(f.name(), naming.member(f.name()), fieldType(f, mapper, m.name()),
                        f.required(), f.description(), defaultable, null, false));
            }
            requests.add(new ObjectModel(Naming.requestClass(m.name()), m.name(), m.href(), m.description(),
                    List.copyOf(fields), List.of(), m.name(), result(m, mapper)));
        }

        List<String> kinds = new ArrayList<>();
        spec.types().get("Update").fields().stream().filter(f -> !f.required()).forEach(f -> kinds.add(f.name()));
        return new ApiModel(spec.version(), List.copyOf(types), List.copyOf(unions), List.copyOf(requests), List.copyOf(kinds));
    }

    /** The field's Java type; a String documented as taking {@code "attach://name"} is really a file. */
    private JType fieldType(SpecField f, TypeMapper mapper, String owner) {
        if (f.types().equals(List.of("String")) && !overrides.inputFileMarker().isEmpty()
                && f.description().contains(overrides.inputFileMarker())) {
            return JType.INPUT_FILE;
        }
        return mapper.map(f.types(), owner + "." + f.name());
    }

    private List<String> variantsOf(SpecType union) {
        ScalarVariants scalar = overrides.scalarVariants().get(union.name());
        List<String> variants = new ArrayList<>();
        for (String s : union.subtypes()) {
            if (spec.types().containsKey(s)) {
                variants.add(s);
            } else if (scalar != null && s.equals("String")) {
                variants.add(scalar.stringVariant());
            } else if (scalar != null && s.startsWith("Array of ")) {
                variants.add(scalar.arrayVariant());
            } else {
                throw new IllegalStateException("Union " + union.name() + " lists '" + s
                        + "', which is no type; describe it in scalarVariants of overrides.json");
            }
        }
        return List.copyOf(variants);
    }

    private UnionModel union(SpecType t, Map<String, String[]> constants) {
        List<String> variants = variantsOf(t);
        ScalarVariants scalar = overrides.scalarVariants().get(t.name());
        if (overrides.presenceUnions().containsKey(t.name())) {
            return new UnionModel(t.name(), t.href(), t.description(), variants, null, Map.of(), Map.of(),
                    overrides.presenceUnions().get(t.name()), scalar, List.of());
        }
        List<SpecType> objectVariants = t.subtypes().stream().filter(spec.types()::containsKey)
                .map(spec.types()::get).toList();
        var found = DiscriminatorFinder.find(objectVariants).orElseThrow(() -> new IllegalStateException(
                "Union " + t.name() + ": no discriminator found in the spec text; add a presenceUnions entry to overrides.json"));
        String field = found.getKey();
        Map<String, List<String>> values = new LinkedHashMap<>();
        found.getValue().forEach((variant, value) -> {
            values.computeIfAbsent(value, k -> new ArrayList<>()).add(variant);
            constants.put(variant, new String[] {field, value});
        });
        Map<String, String> tieBreakers = new LinkedHashMap<>();
        for (List<String> group : values.values()) {
            if (group.size() > 1) {
                for (String v : group) {
                    tieBreakers.put(v, uniqueRequiredField(v, group));
                }
            }
        }
        Map<String, List<String>> frozen = new LinkedHashMap<>();
        values.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return new UnionModel(t.name(), t.href(), t.description(), variants, field, frozen, tieBreakers, List.of(), scalar, List.of());
    }

    private String uniqueRequiredField(String variant, List<String> group) {
        Set<String> others = new HashSet<>();
        group.stream().filter(g -> !g.equals(variant))
                .forEach(g -> spec.types().get(g).fields().forEach(f -> others.add(f.name())));
        return spec.types().get(variant).fields().stream().filter(f -> f.required() && !others.contains(f.name()))
                .map(SpecField::name).findFirst().orElseThrow(() -> new IllegalStateException(
                        "Variants " + group + " share a discriminator value and " + variant + " has no field of its own"));
    }

    /** Types Telegram sends: reachable from Update and from method results. */
    private Set<String> receivedTypes(TypeMapper mapper, Map<String, List<String>> unionVariants) {
        Deque<String> work = new ArrayDeque<>();
        work.add("Update");
        for (SpecMethod m : spec.methods().values()) {
            m.returns().forEach(r -> work.add(r.replace("Array of ", "")));
        }
        Set<String> seen = new HashSet<>();
        while (!work.isEmpty()) {
            String name = work.poll();
            if (!seen.add(name)) {
                continue;
            }
            if (unionVariants.containsKey(name)) {
                work.addAll(unionVariants.get(name));
            }
            SpecType t = spec.types().get(name);
            if (t != null) {
                for (SpecField f : t.fields()) {
                    JType leaf = mapper.map(f.types(), name + "." + f.name()).leaf();
                    if (leaf.kind() == JType.Kind.OBJECT) {
                        work.add(leaf.name());
                    }
                }
            }
        }
        return seen;
    }

    private static ResultModel result(SpecMethod m, TypeMapper mapper) {
        List<String> returns = m.returns();
        if (returns.size() == 2 && returns.contains("Boolean")) {
            String other = returns.get(0).equals("Boolean") ? returns.get(1) : returns.get(0);
            return new ResultModel(mapper.map(List.of(other), m.name() + " result"), true);
        }
        return new ResultModel(mapper.map(returns, m.name() + " result"), false);
    }
}
