package dev.polyfeed.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Free-text author fields as Hugo and Jekyll sites fill them, read as people. */
class AuthorsTest {

    /** Each person as name|url|title, ";" between people. */
    private static String people(String text) {
        List<Author> people = Authors.people(text);
        return String.join(";", people.stream()
                .map(a -> a.name() + "|" + (a.url() == null ? "" : a.url()) + "|" + (a.title() == null ? "" : a.title()))
                .toList());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {
            "Jane Doe                                             # Jane Doe||",
            "Jane Doe (Acme)                                      # Jane Doe||Acme",
            "Jane Doe (Acme, Inc.), Li Wei                        # Jane Doe||Acme, Inc.;Li Wei||",
            "[Li Wei](https://example.org/li)                     # Li Wei|https://example.org/li|",
            "[Li Wei](https://example.org/li) (Google)            # Li Wei|https://example.org/li|Google",
            "Jane Doe and Li Wei                                  # Jane Doe||;Li Wei||",
            "Jane Doe & Li Wei; Ayşe Yılmaz                        # Jane Doe||;Li Wei||;Ayşe Yılmaz||",
            "Jane Doe (Research & Development)                    # Jane Doe||Research & Development",
            "Jane Doe <jane@example.org>                          # Jane Doe||",
            "[**Bold Name**](javascript:alert(1))                 # Bold Name||",
            "محمد علي، فاطمة                                      # محمد علي||;فاطمة||",
            "'  ,  ; '                                            # ''",
    })
    void freeTextNamesPeople(String text, String expected) {
        assertEquals(expected, people(text));
    }
}
