package dev.polyfeed.feed;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What a native executable must keep for reflection, library by library, and why.
 *
 * <ul>
 * <li><b>ROME</b>: its own {@code META-INF/native-image} metadata registers the plugin classes named in
 * {@code rome.properties} (generators, parsers, converters, {@code DCModuleImpl}) and the properties
 * files. It does not register what ROME reaches by bean introspection: {@code CopyFromHelper} copies
 * Dublin Core modules property by property, creating {@code DCSubjectImpl} and {@code java.util.Date}
 * values reflectively, and {@code EqualsBean}/{@code ToStringBean} read the getters of the feed model
 * classes Polyfeed builds. Those are registered here. rome-modules carries the same metadata for its
 * modules (Media RSS, Atom links). Polyfeed's own modules' generators are named in its
 * {@code rome.properties} and created by ROME by name: registered here, and the file is included as a
 * resource.</li>
 * <li><b>JDOM</b>: Polyfeed only builds trees with constructors and writes them with
 * {@code XMLOutputter}; nothing is looked up by name, so nothing needs registering (parsing, which loads
 * a SAX driver reflectively, is never used).</li>
 * <li><b>flexmark</b>: the parser, renderer and extensions are created by direct calls
 * ({@code TablesExtension.create()} ...), not discovered, so nothing needs registering.</li>
 * <li><b>SnakeYAML</b>: {@code SafeConstructor} only builds maps, lists, strings and booleans, never
 * beans by class name, so nothing needs registering.</li>
 * <li><b>Resources</b>: {@code feed.xsl} is read with {@code getResourceAsStream} and is included by
 * {@code quarkus.native.resources.includes} in application.properties; every locale is included
 * ({@code quarkus.locales=all}) because language names and dates are shown in each post's language.</li>
 * </ul>
 */
@RegisterForReflection(targets = {
        com.rometools.rome.feed.module.DCSubjectImpl.class,
        com.rometools.rome.feed.module.DCModuleImpl.class,
        java.util.Date.class,
        com.rometools.rome.feed.rss.Channel.class,
        com.rometools.rome.feed.rss.Item.class,
        com.rometools.rome.feed.rss.Guid.class,
        com.rometools.rome.feed.rss.Description.class,
        com.rometools.rome.feed.rss.Content.class,
        com.rometools.rome.feed.rss.Category.class,
        com.rometools.rome.feed.atom.Feed.class,
        com.rometools.rome.feed.atom.Entry.class,
        com.rometools.rome.feed.atom.Link.class,
        com.rometools.rome.feed.atom.Person.class,
        com.rometools.rome.feed.atom.Content.class,
        com.rometools.rome.feed.atom.Category.class,
        com.rometools.rome.feed.atom.Generator.class,
        FeedHistoryModule.class,
        FeedHistoryModule.Generator.class,
        LanguageModule.class,
        LanguageModule.Generator.class,
})
public final class NativeImageRegistrations {

    private NativeImageRegistrations() {
    }
}
