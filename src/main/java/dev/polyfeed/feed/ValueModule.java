package dev.polyfeed.feed;

import com.rometools.rome.feed.CopyFrom;
import com.rometools.rome.feed.module.ModuleImpl;

/**
 * A ROME module holding one value, which its generator writes into the feed or entry element. ROME
 * copies and compares modules as beans, by reflection: subclasses need a public no-argument
 * constructor, and the value its getter and setter.
 */
abstract class ValueModule<T> extends ModuleImpl {

    private static final long serialVersionUID = 1L;

    private T value;

    protected ValueModule(Class<? extends ValueModule<T>> type, String uri) {
        super(type, uri);
    }

    public T getValue() {
        return value;
    }

    public void setValue(T value) {
        this.value = value;
    }

    @Override
    public Class<? extends CopyFrom> getInterface() {
        return getClass();
    }

    @Override
    @SuppressWarnings("unchecked")
    public void copyFrom(CopyFrom other) {
        value = ((ValueModule<T>) other).value;
    }
}
