package network.higherself.console.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/** The AtlantaFX theme, light or dark; the console's own stylesheets build on its colour tokens. */
public final class Theme {

    private Theme() {
    }

    public static void applyLight() {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    public static void applyDark() {
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
    }
}
