package dev.layerlens.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.DefaultKeyDecodingProfile;
import com.googlecode.lanterna.input.InputDecoder;
import com.googlecode.lanterna.input.KeyStroke;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The bytes a real terminal sends for each key reach the explorer as the action it documents. */
class KeyDecodingTest {

    private static Action decode(String bytes) throws IOException {
        InputDecoder decoder = new InputDecoder(new InputStreamReader(
                new ByteArrayInputStream(bytes.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8));
        decoder.addProfile(new DefaultKeyDecodingProfile());
        KeyStroke key = decoder.getNextCharacter(true);
        return KeyMap.of(key);
    }

    @Test
    void controlKeysOfDive() throws IOException {
        assertThat(decode("\u0001")).isEqualTo(Action.TOGGLE_ADDED);
        assertThat(decode("\u0012")).isEqualTo(Action.TOGGLE_REMOVED);
        assertThat(decode("\u0015")).isEqualTo(Action.TOGGLE_UNMODIFIED);
        // Enter and Ctrl+M both send CR, which the tty (icrnl, left on by lanterna) turns into LF
        assertThat(decode("\n")).as("Ctrl+M is Enter").isEqualTo(Action.ENTER);
        assertThat(decode("\u000c")).isEqualTo(Action.SWITCH_VIEW);
        assertThat(decode("\u0003")).isEqualTo(Action.QUIT);
    }

    @Test
    void panesAndPaging() throws IOException {
        assertThat(decode("\t")).isEqualTo(Action.NEXT_PANE);
        assertThat(decode("\u001b[Z")).isEqualTo(Action.PREVIOUS_PANE);
        assertThat(decode("\u001b[5~")).isEqualTo(Action.PAGE_UP);
        assertThat(decode("\u001b[6~")).isEqualTo(Action.PAGE_DOWN);
        assertThat(decode("\u001b[H")).isEqualTo(Action.HOME);
        assertThat(decode("\u001b[F")).isEqualTo(Action.END);
        assertThat(decode("\u001b[A")).isEqualTo(Action.UP);
        assertThat(decode("\u001b[B")).isEqualTo(Action.DOWN);
        assertThat(decode("\u001bOD")).isEqualTo(Action.LEFT);
    }

    @Test
    void lettersAndVimKeys() throws IOException {
        assertThat(decode("j")).isEqualTo(Action.DOWN);
        assertThat(decode("k")).isEqualTo(Action.UP);
        assertThat(decode("h")).isEqualTo(Action.LEFT);
        assertThat(decode("l")).isEqualTo(Action.RIGHT);
        assertThat(decode("g")).isEqualTo(Action.HOME);
        assertThat(decode("G")).isEqualTo(Action.END);
        assertThat(decode("-")).isEqualTo(Action.COLLAPSE_ALL);
        assertThat(decode("+")).isEqualTo(Action.EXPAND_ALL);
        assertThat(decode("=")).as("+ without Shift").isEqualTo(Action.EXPAND_ALL);
        assertThat(decode("p")).isEqualTo(Action.JUMP_TO_PATH);
        assertThat(decode("v")).isEqualTo(Action.SWITCH_VIEW);
        assertThat(decode(" ")).isEqualTo(Action.TOGGLE_COLLAPSE);
        assertThat(decode("/")).isEqualTo(Action.FILTER);
        assertThat(decode("s")).isEqualTo(Action.SORT);
        assertThat(decode("?")).isEqualTo(Action.HELP);
        assertThat(decode("q")).isEqualTo(Action.QUIT);
        assertThat(decode("\u001b")).as("a lone Esc").isEqualTo(Action.QUIT);
    }

    @Test
    void ctrlSpaceTogglesAll() throws IOException {
        assertThat(decode("\u0000")).isEqualTo(Action.TOGGLE_ALL);
    }
}
