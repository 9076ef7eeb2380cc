package network.higherself.console.ui.common;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignV;

import java.util.Map;

/** An icon per board; a workflow the console does not know gets a generic one. */
public final class WorkflowIcons {

    private static final Map<String, Ikon> ICONS = Map.of(
            "WF-GALLERY-EXH", MaterialDesignP.PALETTE,
            "WF-WELL-BOOK", MaterialDesignS.SPA,
            "WF-CONSULT", MaterialDesignB.BRIEFCASE,
            "WF-MKTG-CAMP", MaterialDesignB.BULLHORN,
            "WF-CONT-CYCLE", MaterialDesignF.FILE_DOCUMENT_EDIT,
            "WF-SFTR-PUB", MaterialDesignM.MONITOR_DASHBOARD,
            "WF-AGT-COMM", MaterialDesignR.ROBOT,
            "WF-PERM-MGT", MaterialDesignS.SHIELD_ACCOUNT);

    private WorkflowIcons() {
    }

    public static Ikon of(String workflowId) {
        return ICONS.getOrDefault(workflowId, MaterialDesignV.VIEW_COLUMN);
    }
}
