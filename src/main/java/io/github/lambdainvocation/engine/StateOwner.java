package io.github.lambdainvocation.engine;

import io.github.lambdainvocation.ConfigurationException;
import io.github.lambdainvocation.event.Event;
import io.github.lambdainvocation.model.State;
import java.util.Objects;
import java.util.Optional;

/**
 * Who a run works for, and the rule that keeps it to its own state: a state records the project that wrote it,
 * and a run for another project is refused before anything is planned, so that two projects given one state by
 * mistake never delete each other's invocations.
 *
 * @param name the project, {@code groupId:artifactId}; every execution of one project shares its state
 * @param takeOverFrom the owner whose state this run may take over once (a renamed project), or null
 */
public record StateOwner(String name, String takeOverFrom) {

    public StateOwner {
        Objects.requireNonNull(name, "name");
    }

    public static StateOwner of(String name) {
        return new StateOwner(name, null);
    }

    /**
     * The state as this owner works on it: refused when another owner recorded it; owned by this one otherwise,
     * so that whatever the run writes records it.
     *
     * @param location where the state is, for the message
     */
    State claim(State recorded, String location) {
        Optional<String> recordedOwner = recorded.owner();
        if (recordedOwner.isEmpty() || recordedOwner.get().equals(name)
                || recordedOwner.get().equals(takeOverFrom)) {
            return recorded.ownedBy(name);
        }
        throw new ConfigurationException("The state " + location + " belongs to " + recordedOwner.get()
                + ", and this project is " + name + ": the invocations recorded there are not this project's to"
                + " plan, invoke or delete, so nothing was done. Give each project a state of its own: "
                + (location.startsWith("s3://")
                        ? "{{stateS3Uri=s3://<bucket>/${project.groupId}/${project.artifactId}/state.json}}"
                        : "leave {{stateFile}} out (its default is in the project's target directory)")
                + ". If this project is " + recordedOwner.get() + " renamed, take its state over once with"
                + " {{-takeOverStateOf=" + recordedOwner.get() + "}}.");
    }

    /** What to tell when a run writes {@code recorded} for the first time as this owner's. */
    Optional<Event> change(State recorded, String location) {
        Optional<String> recordedOwner = recorded.owner();
        if (recordedOwner.isEmpty()) {
            return recorded.isEmpty() ? Optional.empty()
                    : Optional.of(new Event.StateAdopted(location, name));
        }
        if (!recordedOwner.get().equals(name)) {
            return Optional.of(new Event.StateTakenOver(location, recordedOwner.get(), name));
        }
        return Optional.empty();
    }
}
